// Every recorded string-library call again, with every pattern's matcher generated at its
// first use (runtime/lib/lpattern.ts generate), so both match machines answer every case.
import { setGenerateAfter } from "../../../runtime/lib/lpattern.js";
import { replayRecordedGroups } from "./replay.js";

setGenerateAfter(0);
replayRecordedGroups(" (generated matchers)");
