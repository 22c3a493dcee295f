import { newId } from '../ids';
import { stmt, type Db } from '../sql';

export interface YoungPersonRow {
  id: string;
  name: string;
  date_of_birth: string;
  nhs_number: string | null;
  created_at: string;
  updated_at: string;
}

export function findYoungPersonByNhsNumber(db: Db, nhsNumber: string): YoungPersonRow | null {
  return stmt<[string], YoungPersonRow>(db, 'SELECT * FROM young_people WHERE nhs_number = ?').get(nhsNumber) ?? null;
}

export function insertYoungPerson(
  db: Db,
  input: { name: string; dateOfBirth: string; nhsNumber: string | null },
  at: string,
): YoungPersonRow {
  const row: YoungPersonRow = {
    id: newId(),
    name: input.name,
    date_of_birth: input.dateOfBirth,
    nhs_number: input.nhsNumber,
    created_at: at,
    updated_at: at,
  };
  stmt(
    db,
    `INSERT INTO young_people (id, name, date_of_birth, nhs_number, created_at, updated_at)
     VALUES (@id, @name, @date_of_birth, @nhs_number, @created_at, @updated_at)`,
  ).run(row);
  return row;
}
