import { describe, expect, it } from 'vitest';
import { pageDataSource } from './facts-page';
import { readerWithTable } from './page-data-loader';

describe('the page-data reader with a table (MangaDex’s tag names)', () => {
  it('keeps the reader when the table cannot load, and learns the table when it does', async () => {
    const learned: string[][] = [];
    const learn = (rows: string[]) => void learned.push(rows);
    expect(
      await readerWithTable(Promise.resolve(pageDataSource), Promise.reject(new Error('no')), learn),
    ).toBe(pageDataSource);
    expect(learned).toEqual([]);
    expect(await readerWithTable(Promise.resolve(pageDataSource), Promise.resolve(['Gore']), learn)).toBe(
      pageDataSource,
    );
    expect(learned).toEqual([['Gore']]);
  });

  it('fails when the reader cannot load (the popup says so), having learned the table all the same', async () => {
    const learned: string[][] = [];
    await expect(
      readerWithTable(Promise.reject(new Error('blocked')), Promise.resolve(['Gore']), (rows) => {
        learned.push(rows);
      }),
    ).rejects.toThrow('blocked');
    expect(learned).toEqual([['Gore']]);
  });
});
