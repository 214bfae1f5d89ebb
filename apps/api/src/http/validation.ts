import { ValidationPipe } from '@nestjs/common';
import { flattenErrors, VALIDATION_OPTIONS } from '@thads/application';
import { ValidationProblem } from './problem.filter';

export const validationPipe = () =>
  new ValidationPipe({
    ...VALIDATION_OPTIONS,
    transform: true,
    exceptionFactory: (errors) => new ValidationProblem(flattenErrors(errors)),
  });
