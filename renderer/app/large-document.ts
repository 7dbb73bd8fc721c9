/**
 * Documents larger than this (characters of JSON, some 2,000 lines) take long enough to open to
 * show the busy indicator, and are built a step per task (DocStore.replaceInSteps) with the
 * window inert meanwhile. The benchmark opens as the app does by it.
 */
export const LARGE_DOC = 400_000;
