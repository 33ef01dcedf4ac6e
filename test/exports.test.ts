import { expect, it } from "vitest";
import * as api from "../src/index.js";

// Adding or removing a public export must be deliberate: update this snapshot on purpose.
it("the public API is exactly this list of runtime exports", () => {
  expect(Object.keys(api).sort()).toMatchSnapshot();
});
