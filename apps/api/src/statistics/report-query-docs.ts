import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';

/** The report's own parameters (statistics-params.ts), for an operation that takes them all. */
export const ApiReportQuery = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiQuery({ name: 'unitId', required: true, description: 'The unit; its subunits are included' }),
    ApiQuery({ name: 'from', required: true, description: 'YYYY-MM-DD, first day of the period' }),
    ApiQuery({ name: 'to', required: true, description: 'YYYY-MM-DD, last day of the period' }),
    ApiQuery({
      name: 'asKnownAt',
      required: false,
      description: 'A log position, an ISO-8601 instant or a date: the report as known then',
    }),
    ApiQuery({
      name: 'minPosition',
      required: false,
      description: 'Wait until the read models reach this log position (read your writes)',
    }),
  );
