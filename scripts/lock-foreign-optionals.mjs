#!/usr/bin/env node
// Adds lockfile entries for other platforms' optional native binaries (`@swc/core-darwin-arm64`,
// `@turbo/windows-64`, …) when npm left them out.
//
// Why: a registry mirror that serves only the binaries of the platform it builds for makes `npm install`
// drop every other platform's optional binary from package-lock.json, and `npm ci` then refuses the lockfile
// ("Missing: … from lock file"). An entry needs only its version and its os/cpu/libc constraints: npm skips
// it on other platforms and resolves it by name and version where it applies.
//
// Usage, after any change to the lockfile: node scripts/lock-foreign-optionals.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;

const OS = [
  [/darwin/, 'darwin'],
  [/win32|windows/, 'win32'],
  [/android/, 'android'],
  [/freebsd/, 'freebsd'],
  [/openharmony/, 'openharmony'],
  [/linux/, 'linux'],
];
const CPU = [
  [/arm64|aarch64/, 'arm64'],
  [/x64|x86_64|-64(?:$|-)/, 'x64'],
  [/ia32/, 'ia32'],
  [/arm-|-arm$|eabi|armv7/, 'arm'],
  [/ppc64/, 'ppc64'],
  [/s390x/, 's390x'],
  [/riscv64/, 'riscv64'],
  [/loong64/, 'loong64'],
];

function constraints(name) {
  const short = name.split('/').pop();
  const os = OS.find(([re]) => re.test(short))?.[1];
  const cpu = CPU.find(([re]) => re.test(short))?.[1];
  if (!os || !cpu) return null;
  const entry = { os: [os], cpu: [cpu] };
  if (os === 'linux') entry.libc = [/musl/.test(short) ? 'musl' : 'glibc'];
  return entry;
}

let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  for (const [dep, range] of Object.entries(meta.optionalDependencies ?? {})) {
    const base = path === '' ? '' : `${path}/`;
    const candidates = [`${base}node_modules/${dep}`, `node_modules/${dep}`];
    if (candidates.some((c) => packages[c])) continue;
    const platform = constraints(dep);
    if (!platform || !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(range)) continue; // only exact-version platform binaries
    packages[`node_modules/${dep}`] = { version: range, ...platform, license: meta.license, optional: true };
    added++;
  }
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} optional platform entries`);
