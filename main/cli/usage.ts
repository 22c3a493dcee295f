const SYNOPSIS = 'Usage: thrive --db FILE [--key-file FILE] [--today YYYY-MM-DD] COMMAND';

/** Under a usage mistake: the synopsis and where the rest is, not the whole help. */
export const USAGE_HINT = `${SYNOPSIS}\nRun thrive --help for every command and option.\n`;

/** The help text: every command and option the parser accepts (main/cli/args.ts). */
export const USAGE = `${SYNOPSIS}

Commands:
  init                          Create a new, empty database at FILE and its key file (FILE.key, owner
                                read/write only; or the key in THRIVE_DB_KEY). Refused where a database
                                is expected (the file, its backups or the app's keystore are there) and
                                when FILE's folder does not exist
  channels                      List every channel with its description and the JSON Schema of its arguments
  call CHANNEL ['JSON'] [--out FILE]
                                Call one channel (arguments as JSON, default {}); prints the result as JSON.
                                With --out, a channel that returns a file (team:exportCsv,
                                team:supervisionPack) writes it to FILE instead of printing its content
  caseload [--clinician ID] [--json]
                                A clinician's open cases with flags and reasons (default: the profile)
  seed-demo                     Fill an empty database with the fictional demo caseload

  export fhir --case ID --out FILE
  export fhir [--scope mine|team] [--include-closed] [--progress] --out FILE
                                One case, or your caseload (team: a team lead's whole team), as a FHIR R4
                                Bundle (collection). A caseload is streamed to disk case by case; progress
                                goes to stderr when it is a terminal, or always with --progress
  export csv [--scope mine|team] [--include-closed] [--no-bom] --file NAME --out FILE
  export csv [--scope mine|team] [--include-closed] [--no-bom] --out-dir DIR
                                One file of the CSV set (NAME: cases, current-views, gbo-ratings, reviews,
                                endings), or the whole set into DIR under the app's file names. UTF-8 with a
                                byte-order mark for Excel unless --no-bom; columns in docs/exports.md
  export pdf --case ID --document family-plan|ending-letter --out FILE
                                The THRIVE plan written for the family, or the ending letter of a closed case
  export text --case ID --kind plan|review|ending [--review ID]
                                Prints a summary as plain text for an EHR progress note (a review summary is
                                of the latest review unless --review says which)
  import csv FILE [--dry-run] [--map KEY=HEADER ...]
                                Checks a caseload CSV and prints what would be created and every bad row by
                                line; then imports it, all rows or none (--dry-run: check only). --map reads
                                template column KEY (e.g. caseRef, dateOfBirth) from the file's HEADER;
                                KEY= with no header says the column is not in the file

  backup [--reason manual|daily]
                                Take a backup now into the backups folder beside the database: VACUUM INTO
                                (encrypted with the same key), checked, then older backups rotated (7 daily,
                                4 weekly, 12 monthly, the 5 newest manual). A failure keeps every older backup
  backups [--json]              List the backups, newest first, with the last good backup and any failure
  restore FILE_NAME             Restore a backup named by thrive backups. A backup of the database in use is
                                taken first and the database itself is set aside beside it, never deleted
  key-file --recovery-code-file CODE_FILE --out FILE
                                For scheduled jobs on a database the app protects with a passphrase: unwrap
                                its key with the organisation recovery code and write it to FILE (owner
                                read/write only; never over an existing file) for --key-file
  verify-audit                  Check the audit trail's hash chain: "Audit trail intact: N entries, chain
                                verified", or the first entry that was changed or removed (exit status 1)

Options:
  --db FILE        The THRIVE Plans database file (only init creates one; every other command refuses
                   a missing or empty file and says what to do)
  --key-file FILE  The file holding the 64-hex database key (default FILE.key beside the database);
                   without it the key is read from THRIVE_DB_KEY if set
  --recovery-code-file FILE
                   Unlock a database the app protects (its thrive.keys beside it) with the organisation
                   recovery code held in FILE (or THRIVE_RECOVERY_CODE)
  --reason WHY     What a backup is for (manual or daily; default manual)
  --today DATE     Treat DATE as today (YYYY-MM-DD or dd/mm/yyyy), e.g. to see which reviews will be overdue
  --verbose        Also print diagnostics to stderr, such as calls slower than 40 ms
  --help           Show this help

Files are written under FILE.partial and renamed when complete, so a failed export never leaves a
truncated file behind. Every export is recorded in the audit trail in the profile's name.

Exit status: 0 when the command succeeded, 1 when it did not (the error is printed). import csv exits 1
when the file cannot be read, a required column is missing or any row has a problem (nothing is imported).
backup exits 1 when the backup could not be made or failed its check; verify-audit when the chain is broken.
`;
