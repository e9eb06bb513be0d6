import { describe, expect, it } from 'vitest';
import { fileSize } from './file-size.js';

describe('file sizes', () => {
  it('shows kilobytes below a megabyte, at least 1 kB', () => {
    expect(fileSize(10)).toBe('1 kB');
    expect(fileSize(21_500)).toBe('21 kB');
    expect(fileSize(1024 * 1024 - 1)).toBe('1024 kB');
  });

  it('shows megabytes with a Swedish decimal comma', () => {
    expect(fileSize(1024 * 1024)).toBe('1 MB');
    expect(fileSize(3.44 * 1024 * 1024)).toBe('3,4 MB');
    expect(fileSize(20 * 1024 * 1024)).toBe('20 MB');
  });
});
