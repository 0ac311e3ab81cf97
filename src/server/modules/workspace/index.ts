import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps';
import { registerWorkspaceRoutes } from './workspace.routes';
import { createWorkspaceService } from './workspace.service';

/** The workspace module's only public face: "my work", gathered from the other modules' public faces. */
export async function registerWorkspaceModule(app: FastifyInstance, deps: AppDeps) {
  registerWorkspaceRoutes(app, createWorkspaceService(deps));
}
