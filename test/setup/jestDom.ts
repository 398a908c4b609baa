// Adds DOM matchers (toBeInTheDocument, toBeDisabled…) to expect for the task pane's component tests.
import "@testing-library/jest-dom";
