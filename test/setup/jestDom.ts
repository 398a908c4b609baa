// Adds DOM matchers (toBeInTheDocument, toBeDisabled…) to expect for the task pane's component tests.
import "@testing-library/jest-dom";
import { configure } from "@testing-library/react";

// findBy…/waitFor wait 1 s by default: on a 2-core CI machine at load 20 a pane step (a mocked
// analysis, React's re-render) took longer and a passing test failed. The wait ends as soon as
// the text appears, so a longer limit costs nothing when the pane is quick.
configure({ asyncUtilTimeout: 10000 });
