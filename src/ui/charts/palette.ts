// The page draws with the same colours as the reports (src/report/svg/chart.ts).
export { palette } from "../../report/svg/chart.ts";
