/** What the adapter asks Office about the platform it runs on; safe outside Office (the CLI, tests). */
/// <reference types="office-js" />

/** An error whose message is in the display language, with both languages at hand. */
export class OfficeRefusal extends Error {
  constructor(
    readonly messageSv: string,
    readonly messageEn: string,
  ) {
    super(englishUi() ? messageEn : messageSv);
    this.name = 'OfficeRefusal';
  }
}

/** Office's display language is English (en-US, en-GB, …): the pane shows English then, so do its errors. */
export function englishUi(): boolean {
  try {
    return /^en(-|$)/i.test(Office.context.displayLanguage ?? '');
  } catch {
    return false;
  }
}

export function platform(): string {
  try {
    return String(Office.context.platform ?? Office.context.diagnostics?.platform ?? '');
  } catch {
    return '';
  }
}

/** Whether the platform has ExcelApi `version` (false outside Office, where nothing is known). */
export function excelApi(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}
