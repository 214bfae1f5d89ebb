import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The API's OpenAPI description, served at /api/docs and the source of the web console's client. */
export const openApiDocument = (app: INestApplication): OpenAPIObject => {
  const docs = new DocumentBuilder()
    .setTitle('thads — thi hành án dân sự')
    .setDescription('Event-sourced case lifecycle engine for Vietnamese civil judgment enforcement. Errors are application/problem+json with a stable `code`.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .addSecurityRequirements('bearer')
    .build();
  return SwaggerModule.createDocument(app, docs);
};
