/** `tjansteplan validate [--frame F] [--json] FILE…`: exit 0 without errors, 1 with errors, 2 when a file cannot be read. */
import { hasErrors, type Language } from '../domain/findings';
import { checkWorkbook } from '../workbook/checkPlan';
import { openFrame, openWorkbook } from './files';
import { reportsJson, reportText, type FileReport } from './report';

export interface ValidateOptions {
  frame?: string;
  json?: boolean;
  lang: Language;
}

export async function validateCommand(files: string[], options: ValidateOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const reports: FileReport[] = [];
  let frame = null;
  if (options.frame) {
    const f = await openFrame(options.frame);
    frame = f.frame;
    if (f.findings.length > 0) reports.push({ file: options.frame, findings: f.findings });
  }
  for (const file of files) {
    const opened = await openWorkbook(file);
    if (!opened.ok) {
      err(`${file}: ${opened.reason}`);
      reports.push({ file, findings: [], error: opened.reason });
      continue;
    }
    try {
      const { findings } = await checkWorkbook(opened.workbook, frame);
      reports.push({ file, findings });
    } catch (e) {
      // Whatever one file's content makes the checks throw stays that file's one line.
      const reason = `oväntat fel: ${String((e as Error)?.message ?? e).split('\n')[0]}`;
      err(`${file}: ${reason}`);
      reports.push({ file, findings: [], error: reason });
    }
  }
  if (options.json) out(reportsJson(reports, options.lang));
  else for (const r of reports) if (!r.error) out(reportText(r, options.lang));
  if (reports.some((r) => r.error)) return 2;
  return reports.some((r) => hasErrors(r.findings)) ? 1 : 0;
}
