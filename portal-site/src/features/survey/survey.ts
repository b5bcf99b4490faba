import type { AvailablePortalView } from '@enroute/contracts';

/**
 * The survey the completed page frames, if any. Strapi only hands out a survey whose host is on
 * the settings' allowlist; the portal checks once more (https, host on the list it was sent), so
 * a view that breaks the rule shows no survey rather than a foreign page.
 */
export function embeddableSurvey(view: AvailablePortalView): URL | null {
  if (view.state !== 'completed' || !view.survey) return null;
  let url: URL;
  try {
    url = new URL(view.survey.url);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  const allowed = view.survey.allowedHosts;
  if (allowed && !allowed.some((host) => host.trim().toLowerCase() === url.hostname)) return null;
  return url;
}

const HOST_NAME = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;

/** Where the survey frame may go: its own origin and the other allowlisted survey hosts. */
export function surveyFrameUrls(view: AvailablePortalView): string[] {
  const survey = embeddableSurvey(view);
  if (!survey) return [];
  const others = (view.survey?.allowedHosts ?? [])
    .map((host) => host.trim().toLowerCase())
    .filter((host) => HOST_NAME.test(host))
    .map((host) => `https://${host}`);
  return [...new Set([survey.origin, ...others])];
}
