// Every recorded string-library call, with patterns interpreted until they have been used
// often (runtime/lib/lpattern.ts GENERATE_AFTER): in these cases nearly all stay interpreted.
import { replayRecordedGroups } from "./replay.js";

replayRecordedGroups("");
