const { availableParallelism } = require("os");

/** @type {import('jest').Config} */
module.exports = {
  // At least two workers, also on a 2-core machine such as CI's (jest's default, cores - 1, is
  // one there): the long suites spend much of their time waiting on the processes they start
  // (`kap`, Chromium, LibreOffice, webpack), and a second file runs meanwhile.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: {
          module: "commonjs",
          moduleResolution: "node",
          jsx: "react-jsx",
          esModuleInterop: true,
          isolatedModules: true,
        },
      },
    ],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  setupFilesAfterEnv: ["<rootDir>/test/setup/jestDom.ts"],
  testTimeout: 30000,
};
