/** Excel allows at most 31 characters and none of : \ / ? * [ ] in a sheet name. */
export const SHEET_NAME_MAX = 31;

export function sheetName(no: number, title: string): string {
  const clean = title.replace(/[:\\/?*[\]：]/g, ' ').trim();
  return `表${no} ${clean}`.slice(0, SHEET_NAME_MAX);
}

export const FINDINGS_SHEET = '检查结果';
