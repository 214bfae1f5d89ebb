import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STEP_NAMES } from '@thads/domain';

/** The response of GET /api/steps, described so the console's client is typed from it. */
export class Words {
  @ApiProperty() vi!: string;
  @ApiProperty() en!: string;
}

export class FieldOption {
  @ApiProperty() value!: string;
  @ApiProperty({ type: Words }) label!: Words;
}

export class RequiredWhen {
  @ApiProperty() field!: string;
  @ApiProperty() equals!: string;
}

export class StepFieldDto {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['date', 'money', 'enum', 'text', 'id', 'boolean', 'uuid', 'unit'] }) kind!:
    'date' | 'money' | 'enum' | 'text' | 'id' | 'boolean' | 'uuid' | 'unit';
  @ApiProperty() required!: boolean;
  @ApiPropertyOptional({ type: RequiredWhen, description: 'Required only when another field holds this value' })
  requiredWhen?: RequiredWhen;
  @ApiProperty({ type: Words }) label!: Words;
  @ApiPropertyOptional({ type: Words }) help?: Words;
  @ApiPropertyOptional({ type: [FieldOption], description: 'The codes an enum accepts, with their labels' })
  options?: FieldOption[];
}

export class StepDescriptionDto {
  @ApiProperty({ enum: STEP_NAMES }) step!: string;
  @ApiProperty({ type: Words }) label!: Words;
  @ApiProperty() legalBasis!: string;
  @ApiProperty({ type: [StepFieldDto] }) fields!: StepFieldDto[];
}

export class StepDescriptionsDto {
  @ApiProperty({ type: [StepDescriptionDto] }) steps!: StepDescriptionDto[];
}
