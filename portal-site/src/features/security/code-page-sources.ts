import type { PortalView } from '@enroute/contracts';
import { brandingImageUrls } from '../branding/branding.ts';
import { surveyFrameUrls } from '../survey/survey.ts';
import type { CodePageSources } from './content-security-policy.ts';

/** What a code page showing this view loads from elsewhere, and who may embed it. */
export function codePageSources(view: PortalView): CodePageSources {
  const frameAncestors = view.embedding?.frameAncestors ?? [];
  if (!view.available) {
    return {
      tileUrl: null,
      frameUrls: [],
      imageUrls: brandingImageUrls(view.branding),
      frameAncestors,
    };
  }
  return {
    tileUrl: view.map.enabled ? view.map.tileUrl : null,
    frameUrls: surveyFrameUrls(view),
    imageUrls: [
      ...brandingImageUrls(view.branding),
      ...(view.technician?.photoUrl ? [view.technician.photoUrl] : []),
    ],
    frameAncestors,
  };
}
