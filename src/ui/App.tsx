/** The Kendall page. */
export function App() {
  return (
    <main>
      <h1>Kendall</h1>
      <p>Queueing simulator and capacity planner for message-driven systems.</p>
    </main>
  );
}
