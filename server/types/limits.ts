// The encoding thresholds of the typed values (hash-max-listpack-entries/-value,
// set-max-intset-entries, zset-max-listpack-entries/-value) as numbers, read from a Config once
// and kept current through its onChange hook, so commands pay one comparison per call.

import type { Config } from "../config.js";

export interface TypeLimits {
  hashEntries: number;
  hashValue: number;
  setIntset: number;
  zsetEntries: number;
  zsetValue: number;
}

const NAMES: Record<string, keyof TypeLimits> = {
  "hash-max-listpack-entries": "hashEntries",
  "hash-max-listpack-value": "hashValue",
  "set-max-intset-entries": "setIntset",
  "zset-max-listpack-entries": "zsetEntries",
  "zset-max-listpack-value": "zsetValue",
};

const byConfig = new WeakMap<Config, TypeLimits>();
let lastConfig: Config | undefined;
let lastLimits: TypeLimits | undefined;

function num(config: Config, name: string): number {
  return Number(config.get(name));
}

/** The live limits of a config. */
export function limitsOf(config: Config): TypeLimits {
  if (config === lastConfig) return lastLimits as TypeLimits;
  let l = byConfig.get(config);
  if (l === undefined) {
    const lim: TypeLimits = {
      hashEntries: 0,
      hashValue: 0,
      setIntset: 0,
      zsetEntries: 0,
      zsetValue: 0,
    };
    for (const [name, field] of Object.entries(NAMES)) lim[field] = num(config, name);
    config.onChange((name, value) => {
      const field = NAMES[name];
      if (field !== undefined) lim[field] = Number(value);
    });
    byConfig.set(config, lim);
    l = lim;
  }
  lastConfig = config;
  lastLimits = l;
  return l;
}
