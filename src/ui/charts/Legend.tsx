export interface LegendItem {
  label: string;
  color: string;
  /** How the series is drawn: a line (solid or dashed), a dot, or a filled area. */
  mark: "line" | "dashed" | "dot" | "ring" | "area" | "interval";
}

/** The key of a chart, as HTML beneath it. */
export function Legend({ items }: { items: LegendItem[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="legend">
      {items.map((item) => (
        <li key={item.label}>
          <svg width="22" height="12" aria-hidden="true">
            {item.mark === "dot" && <circle cx="11" cy="6" r="4" fill={item.color} />}
            {item.mark === "ring" && <circle cx="11" cy="6" r="3.5" fill="white" stroke={item.color} strokeWidth="2" />}
            {item.mark === "area" && <rect x="1" y="1" width="20" height="10" fill={item.color} opacity={0.35} />}
            {item.mark === "interval" && <path d="M11 1 V11 M7 1 H15 M7 11 H15" stroke={item.color} strokeWidth="1.5" />}
            {(item.mark === "line" || item.mark === "dashed") && <line x1="1" x2="21" y1="6" y2="6" stroke={item.color} strokeWidth="2" strokeDasharray={item.mark === "dashed" ? "4 3" : undefined} />}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
