import { useId } from "react";

interface Props {
  label: string;
  checked: boolean;
  error?: string;
  onChange: (checked: boolean) => void;
}

/** A labelled checkbox with the reason beside it when the change was refused. */
export function Toggle({ label, checked, error, onChange }: Props) {
  const id = useId();
  return (
    <>
      <label className="toggle" htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
        {label}
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
