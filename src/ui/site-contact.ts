/**
 * Who publishes this copy of Jämför and where to report barriers. Set at build time
 * (JAMFOR_CONTACT_NAME, JAMFOR_CONTACT_EMAIL, JAMFOR_CONTACT_URL; see docs/deploy.md).
 */
export interface SiteContact {
  name: string | null;
  email: string | null;
  url: string | null;
}

const env = import.meta.env as Record<string, string | undefined>;

export const SITE_CONTACT: SiteContact = {
  name: env.JAMFOR_CONTACT_NAME || null,
  email: env.JAMFOR_CONTACT_EMAIL || null,
  url: env.JAMFOR_CONTACT_URL || null,
};
