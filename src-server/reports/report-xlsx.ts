// A report as an XLSX workbook (the same table as the CSV): one sheet named after the report,
// figures as numbers so a spreadsheet sums them, a frozen bold header row.
import ExcelJS from 'exceljs';
import { reportTable, type Report } from './report-period';

export async function reportXlsx(report: Report): Promise<Buffer> {
  const { header, rows } = reportTable(report);
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet(report.report, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    column.width = Math.max(10, (header[i] ?? '').length + 2);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
