import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { formCsv, formHtml, formXlsx, PrintContext, ReportForm } from '@thads/projections';
import { Format } from './report-params';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The form in the format asked: JSON as is, or CSV, the print view, or an .xlsx download. */
export const sendForm = async (
  form: ReportForm,
  format: Format,
  ctx: PrintContext,
  res: Response,
  name = `bieu-${form.form}-${form.unitId}-${form.from}-${form.to}`,
): Promise<unknown> => {
  switch (format) {
    case 'json':
      return form;
    case 'csv':
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
      return formCsv(form, ctx);
    case 'html':
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      return formHtml(form, ctx);
    case 'xlsx':
      res.setHeader('Content-Disposition', `attachment; filename="${name}.xlsx"`);
      return new StreamableFile(await formXlsx(form, ctx), { type: XLSX });
  }
};
