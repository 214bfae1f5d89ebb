import { ApiProperty } from '@nestjs/swagger';
import { CASE_KEYS, MONEY_KEYS } from '@thads/projections';

/** The report's `cases` (docs/architecture.md §6): counts as numbers, `rate` a percentage string. */
export class CaseFiguresSchema {}
/** The report's `money`: whole đồng as decimal strings, `rate` a percentage string. */
export class MoneyFiguresSchema {}

// One property per fixed key, from the same lists the report is built from, so the two never drift.
for (const key of CASE_KEYS) {
  ApiProperty(key === 'rate' ? { type: String, example: '47.30' } : { type: Number, example: 12 })(
    CaseFiguresSchema.prototype,
    key,
  );
}
for (const key of MONEY_KEYS)
  ApiProperty({ type: String, example: key === 'rate' ? '38.10' : '228188311000' })(MoneyFiguresSchema.prototype, key);

export class EntrustedInSchema {
  @ApiProperty({ example: 3 }) cases!: number;
  @ApiProperty({ example: '1500000000' }) money!: string;
}

/** Cases moved in and out by transfer during the period (docs/reorganisation.md). */
export class TransferredSchema {
  @ApiProperty({ type: EntrustedInSchema }) in!: EntrustedInSchema;
  @ApiProperty({ type: EntrustedInSchema }) out!: EntrustedInSchema;
}

export class TargetComparisonSchema {
  @ApiProperty({ example: '27.17', description: 'Chỉ tiêu về việc (%) in force for the period' }) cases!: string;
  @ApiProperty({ example: '13.37' }) money!: string;
  @ApiProperty({ example: '11.54', description: 'rate − target, percentage points: positive = vượt, negative = thiếu' })
  casesGap!: string;
  @ApiProperty({ example: '-2.10' }) moneyGap!: string;
}
