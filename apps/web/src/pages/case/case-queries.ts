import { useQuery } from '@tanstack/react-query';
import { api, unwrap, unwrapAs } from '../../api/client';
import type { CaseHistory, CaseView, StepDescription, Verification } from './case-types';

export const caseKey = (caseId: string) => ['case', caseId] as const;
export const historyKey = (caseId: string, asOf?: string, asKnownAt?: string) =>
  ['case-history', caseId, asOf ?? null, asKnownAt ?? null] as const;

/** The case as its own stream folds it: never behind a write (apps/api/src/cases/case-view.ts). */
export const useCase = (caseId: string) =>
  useQuery({
    queryKey: caseKey(caseId),
    queryFn: () => unwrapAs<CaseView>(api.GET('/api/cases/{caseId}', { params: { path: { caseId } } })),
  });

/** Every step's form, from the API's one table of step fields: fixed for the life of the server. */
export const useStepDescriptions = () =>
  useQuery({
    queryKey: ['steps'],
    queryFn: () => unwrap(api.GET('/api/steps')),
    select: (data): Map<string, StepDescription> => new Map(data.steps.map((s) => [s.step, s])),
    staleTime: Infinity,
  });

export const useHistory = (caseId: string, asOf?: string, asKnownAt?: string, enabled = true) =>
  useQuery({
    queryKey: historyKey(caseId, asOf, asKnownAt),
    enabled,
    placeholderData: (previous) => previous,
    queryFn: () =>
      unwrapAs<CaseHistory>(
        api.GET('/api/cases/{caseId}/history', {
          params: { path: { caseId }, query: { ...(asOf && { asOf }), ...(asKnownAt && { asKnownAt }) } },
        }),
      ),
  });

/** Asked only of a role that may check the chain (`history.verify`); the others are told so by the page. */
export const useVerification = (caseId: string, allowed = true) =>
  useQuery({
    queryKey: ['case-verify', caseId],
    enabled: allowed,
    queryFn: () => unwrapAs<Verification>(api.GET('/api/cases/{caseId}/verify', { params: { path: { caseId } } })),
  });
