/**
 * All 50 Current View items on one page, built for speed with the keyboard: on any item, 0/1/2/3
 * set None/Mild/Moderate/Severe (y/n for complexity factors), k sets Not known, and focus moves on
 * to the next item; ArrowUp/ArrowDown move between items without changing anything. Each item is a
 * radiogroup of native radios named by the item's label, so it also works with a mouse, Tab and
 * Space, and with a screen reader.
 */
import { memo, useCallback, useRef, type KeyboardEvent } from 'react';
import {
  CURRENT_VIEW_ITEMS,
  SECTION_TITLES,
  type CurrentViewItem,
  type CurrentViewSection,
} from '../../../shared/domain/current-view';
import { describedBy, errorIdFor, fieldId } from '../../lib/field-ids';
import { ErrorMessage } from '../../components/fields';
import { optionsFor, ratingForKey, type ItemRating } from './rating-keys';

export type Ratings = Partial<Record<string, ItemRating>>;

const SECTIONS: ReadonlyArray<{ section: CurrentViewSection; letter: string }> = [
  { section: 'problems', letter: 'A' },
  { section: 'complexity', letter: 'B' },
  { section: 'contextual', letter: 'C' },
  { section: 'education', letter: 'D' },
];

interface Props {
  ratings: Ratings;
  onRate(code: string, value: ItemRating): void;
  messageFor(path: string): string | undefined;
  /** Where focus goes after the last item is rated. */
  onPastLast(): void;
  /** Before `ratings.<code>` in each item's field path: '' at open, 'currentView.' inside a review or ending. */
  pathPrefix?: string;
  /** 3 when the grid sits under its own heading (e.g. "Current View at review"). */
  headingLevel?: 2 | 3;
}

export function CurrentViewGrid({ ratings, onRate, messageFor, onPastLast, pathPrefix = '', headingLevel = 2 }: Props) {
  const SectionHeading = headingLevel === 2 ? 'h2' : 'h3';
  const gridRef = useRef<HTMLDivElement>(null);

  const focusItem = useCallback(
    (index: number) => {
      if (index >= CURRENT_VIEW_ITEMS.length) return onPastLast();
      const row = gridRef.current?.querySelector<HTMLElement>(`[data-item-index="${Math.max(0, index)}"]`);
      const target =
        row?.querySelector<HTMLInputElement>('input[type="radio"]:checked') ??
        row?.querySelector<HTMLInputElement>('input[type="radio"]');
      target?.focus();
    },
    [onPastLast],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.type !== 'radio') return;
    const index = Number(target.closest<HTMLElement>('[data-item-index]')?.dataset.itemIndex);
    const item = CURRENT_VIEW_ITEMS[index];
    if (!item) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      // Up/down move between items; left/right still move between an item's own options.
      event.preventDefault();
      if (event.key === 'ArrowUp' && index === 0) return;
      focusItem(event.key === 'ArrowDown' ? index + 1 : index - 1);
      return;
    }
    const value = ratingForKey(item, event.key);
    if (value === undefined) return;
    event.preventDefault();
    onRate(item.code, value);
    focusItem(index + 1);
  };

  return (
    <div className="cv-grid" ref={gridRef} onKeyDown={onKeyDown}>
      {SECTIONS.map(({ section, letter }) => (
        <section className="cv-section" key={section} aria-labelledby={`cv-section-${section}`}>
          <SectionHeading className="heading-m cv-section__title" id={`cv-section-${section}`}>
            {letter}. {SECTION_TITLES[section]}
          </SectionHeading>
          {CURRENT_VIEW_ITEMS.map((item, index) =>
            item.section === section ? (
              <CurrentViewRow
                key={item.code}
                item={item}
                index={index}
                value={ratings[item.code]}
                path={`${pathPrefix}ratings.${item.code}`}
                error={messageFor(`${pathPrefix}ratings.${item.code}`)}
                onRate={onRate}
              />
            ) : null,
          )}
        </section>
      ))}
    </div>
  );
}

interface RowProps {
  item: CurrentViewItem;
  index: number;
  value: ItemRating | undefined;
  path: string;
  error: string | undefined;
  onRate(code: string, value: ItemRating): void;
}

const CurrentViewRow = memo(function CurrentViewRow({ item, index, value, path, error, onRate }: RowProps) {
  const base = `cv-${item.code}`;
  return (
    <div
      className={`cv-item${error ? ' cv-item--error' : ''}${value === undefined ? '' : ' cv-item--rated'}`}
      role="radiogroup"
      aria-labelledby={`${base}-label`}
      aria-describedby={describedBy(item.crossRef ? `${base}-xref` : null, error ? errorIdFor(path) : null)}
      aria-invalid={error ? true : undefined}
      data-item-index={index}
    >
      <div className="cv-item__text">
        <span className="cv-item__number" aria-hidden="true">
          {item.number}
        </span>
        <span className="cv-item__label" id={`${base}-label`}>
          {item.label}
        </span>
        {item.crossRef ? (
          <span className="cv-item__xref" id={`${base}-xref`}>
            {item.crossRef}
          </span>
        ) : null}
        {error ? <ErrorMessage path={path} message={error} /> : null}
      </div>
      <div className="cv-item__options">
        {optionsFor(item).map((option, i) => {
          const id = i === 0 ? fieldId(path) : `${fieldId(path)}-${option.key}`;
          return (
            <label
              className={`cv-option${option.value === 'not_known' ? ' cv-option--not-known' : ''}`}
              htmlFor={id}
              key={option.key}
            >
              <input
                className="cv-option__input"
                type="radio"
                id={id}
                name={path}
                value={String(option.value)}
                checked={value === option.value}
                onChange={() => onRate(item.code, option.value)}
              />
              <span className="cv-option__box">
                <span className="cv-option__label">{option.label}</span>
                <kbd className="cv-option__key" aria-hidden="true">
                  {option.key}
                </kbd>
              </span>
            </label>
          );
        })}
      </div>
    </div>
  );
});
