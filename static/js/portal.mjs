// Starts GOV.UK Frontend's components. Loaded as a module, so only browsers that GOV.UK Frontend
// supports run it.
import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();
