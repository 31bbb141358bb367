/**
 * A labelled choice among a few options (React Aria's Select: a button opening a list box,
 * keyboard and screen-reader ready). Options are id and label, the labels already translated.
 */
import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from "react-aria-components";

/** One option. */
export interface Choice {
  readonly id: string;
  readonly label: string;
}

/** The select; `onChange` gets the chosen option's id. */
export function SelectField({ label, value, options, onChange }: { label: string; value: string; options: readonly Choice[]; onChange: (id: string) => void }) {
  return (
    <Select className="select-field" value={value} onChange={(key) => typeof key === "string" && onChange(key)}>
      <Label>{label}</Label>
      <Button className="select-button">
        <SelectValue />
        <span aria-hidden="true" className="select-arrow">
          ▾
        </span>
      </Button>
      <Popover className="select-popover">
        <ListBox className="select-list" items={options}>
          {(o) => (
            <ListBoxItem id={o.id} className="select-option" textValue={o.label}>
              {o.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
