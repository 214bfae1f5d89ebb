import { ReportsController } from './reports.controller';
import { Submissions } from './submissions';
import { SubmitReportHandler } from './submit-report';

/** The report forms' part of the app (issue 25): one line each in app.module.ts. */
export const REPORT_CONTROLLERS = [ReportsController];
export const REPORT_PROVIDERS = [Submissions, SubmitReportHandler];
