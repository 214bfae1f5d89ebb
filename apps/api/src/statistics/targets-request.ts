import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, Matches, Max, Min } from 'class-validator';
import { MAX_REVISION } from '@thads/application';
import { TargetRates } from '@thads/domain';
import { isPercent } from '@thads/projections';

const PERCENT = /^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/;
const message = 'must be a percentage from 0 to 100 with at most 2 decimals, as a string ("83.90")';

/** PUT /api/units/{unitId}/targets/{year}: the annual target rates and optional period targets. */
export class TargetsRequest {
  @ApiProperty({ example: '83.90', description: 'Chỉ tiêu về việc (%), annual' })
  @Matches(PERCENT, { message: `cases ${message}` })
  cases!: string;

  @ApiProperty({ example: '51.90', description: 'Chỉ tiêu về tiền (%), annual' })
  @Matches(PERCENT, { message: `money ${message}` })
  money!: string;

  @ApiPropertyOptional({
    example: { 4: { cases: '27.17', money: '13.37' } },
    description: 'Chỉ tiêu phân kỳ, keyed by the number of months since 1 October (1–12)',
  })
  @IsOptional()
  @IsObject()
  periods?: Record<string, TargetRates>;

  @ApiPropertyOptional({
    description: 'The targets stream revision the client read (-1: none set yet); a mismatch is 409',
  })
  @IsOptional()
  @IsInt()
  @Min(-1)
  @Max(MAX_REVISION)
  expectedRevision?: number;
}

/** Period keys are 1..12 months; each period has both rates. class-validator cannot key a map. */
export const periodProblems = (periods: Record<string, unknown> | undefined): string[] =>
  Object.entries(periods ?? {}).flatMap(([months, rates]) => {
    if (!/^([1-9]|1[0-2])$/.test(months))
      return [`periods: key ${JSON.stringify(months)} must be a number of months from 1 to 12`];
    const r = rates as Partial<TargetRates> | null;
    const bad = (['cases', 'money'] as const).filter((k) => typeof r !== 'object' || r === null || !isPercent(r[k]));
    const extra =
      typeof r === 'object' && r !== null ? Object.keys(r).filter((k) => k !== 'cases' && k !== 'money') : [];
    return [
      ...bad.map((k) => `periods.${months}.${k} ${message}`),
      ...extra.map((k) => `periods.${months}.${k} is not allowed`),
    ];
  });

/** "83.9" → "83.90": targets are stored as the office writes them. */
export const normalisePercent = (value: string): string => {
  const [whole, fraction = ''] = value.split('.');
  return `${Number(whole)}.${fraction.padEnd(2, '0')}`;
};
