import { ApiProperty } from '@nestjs/swagger';

// GET /api/lifecycle as described in OpenAPI (docs/api.md); libs/domain/src/lifecycle/lifecycle-graph.ts builds it.

class GraphStateSchema {
  @ApiProperty({ example: 'open.classified.withConditions' }) id!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The API state name; null for wrappers and `new`' }) name!:
    string | null;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: ['atomic', 'compound', 'final', 'history'] }) kind!: string;
  @ApiProperty({ type: String, nullable: true }) parent!: string | null;
  @ApiProperty({ type: String, nullable: true }) initial!: string | null;
}

class GraphTransitionSchema {
  @ApiProperty() from!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null when the step is recorded in place' }) to!:
    string | null;
  @ApiProperty() event!: string;
  @ApiProperty() step!: string;
  @ApiProperty() stepLabel!: string;
  @ApiProperty({ type: String, nullable: true }) guard!: string | null;
  @ApiProperty({ type: String, nullable: true }) guardMeaning!: string | null;
  @ApiProperty({ type: String, nullable: true }) legalBasis!: string | null;
  @ApiProperty({ type: [String] }) actions!: string[];
}

class GuardSchema {
  @ApiProperty() name!: string;
  @ApiProperty() meaning!: string;
  @ApiProperty() legalBasis!: string;
}

class OutsideStepSchema {
  @ApiProperty() step!: string;
  @ApiProperty() event!: string;
  @ApiProperty() stepLabel!: string;
  @ApiProperty() effect!: string;
}

export class LifecycleResponse {
  @ApiProperty() initial!: string;
  @ApiProperty({ type: [GraphStateSchema] }) states!: GraphStateSchema[];
  @ApiProperty({ type: [GraphTransitionSchema] }) transitions!: GraphTransitionSchema[];
  @ApiProperty({ type: [GuardSchema] }) guards!: GuardSchema[];
  @ApiProperty({ type: [OutsideStepSchema] }) outsideTheMachine!: OutsideStepSchema[];
}
