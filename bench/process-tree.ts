/** Moved beside the build, which watches its steps' memory the same way. */
export * from '../src/lib/process-tree';
