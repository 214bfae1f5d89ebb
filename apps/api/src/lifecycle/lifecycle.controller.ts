import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { lifecycleMermaid, stepDescriptions } from '@thads/application';
import { lifecycleGraph } from '@thads/domain';
import { LifecycleResponse } from './lifecycle-responses';
import { StepDescriptionsDto } from './step-descriptions.dto';

/** The lifecycle drawn from the machine itself, so the documentation cannot drift from the code. */
@ApiTags('lifecycle')
@Controller('api')
export class LifecycleController {
  // The machine is fixed for the life of the process: walk it once.
  private readonly graph = lifecycleGraph();
  private readonly mermaid = lifecycleMermaid(this.graph);
  private readonly steps: StepDescriptionsDto = { steps: stepDescriptions() };

  @Get('lifecycle')
  @ApiOperation({ summary: 'Sơ đồ vòng đời việc: trạng thái, bước, điều kiện và căn cứ pháp lý' })
  @ApiOkResponse({ type: LifecycleResponse })
  lifecycle() {
    return this.graph;
  }

  @Get('lifecycle.mmd')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'Sơ đồ vòng đời việc dạng Mermaid stateDiagram-v2' })
  @ApiOkResponse({ description: 'Mermaid source', content: { 'text/plain': { schema: { type: 'string' } } } })
  diagram() {
    return this.mermaid;
  }

  @Get('steps')
  @ApiOperation({
    summary: 'Các bước: tên, căn cứ pháp lý, các trường của mẫu nhập (bắt buộc, mã lý do và nhãn tiếng Việt/tiếng Anh)',
  })
  @ApiOkResponse({ type: StepDescriptionsDto })
  stepForms(): StepDescriptionsDto {
    return this.steps;
  }
}
