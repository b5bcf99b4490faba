import { IssuedAccessCode, IssuedTechnicianToken } from 'strapi-plugin-enroute/contracts';
import { z } from 'zod';
import { expectOk, request } from './http.ts';
import type { State } from './state.ts';

/** A point on the traveling technician's way: Bastille to the Sorbonne, along the Seine quays. */
export const ROUTE: [lat: number, lng: number][] = [
  [48.85318, 2.36915],
  [48.85155, 2.36536],
  [48.85005, 2.36223],
  [48.84876, 2.35964],
  [48.85063, 2.35561],
  [48.85187, 2.35224],
  [48.85232, 2.3494],
  [48.85203, 2.34727],
  [48.85028, 2.34665],
  [48.84956, 2.34677],
  [48.84913, 2.34422],
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An instant `offset` ms from now, on a whole quarter hour. */
function at(offset: number): string {
  const time = Date.now() + offset;
  return new Date(Math.round(time / (15 * 60_000)) * 15 * 60_000).toISOString();
}

type Put = (kind: string, id: string, body: Record<string, unknown>) => Promise<string>;

/**
 * The demo company's records, put through the plugin's content API as a dispatch system would:
 * accounts in four time zones and locales (one Arabic), contacts with and without email or
 * mobile, technicians with and without photo and phone, and bookings in every state.
 * Answers the bookings worth opening in the portal.
 */
export async function seedDemoData(
  strapiUrl: string,
  token: string,
  photoBaseUrl: string,
): Promise<State['samples']> {
  const put: Put = async (kind, id, body) => {
    const answer = (await expectOk(
      `putting ${kind} ${id}`,
      request('PUT', `${strapiUrl}/api/enroute/${kind}/${encodeURIComponent(id)}`, { token, body }),
    )) as { data: { documentId: string } };
    return answer.data.documentId;
  };

  await put('contacts', 'C-PARIS', {
    name: 'Camille Martin',
    email: 'camille.martin@example.com',
    mobilePhone: '+33 6 12 34 56 78',
    locale: 'fr',
  });
  await put('contacts', 'C-DUBAI', {
    name: 'ليلى حداد',
    email: 'layla.haddad@example.com',
    mobilePhone: '+971 50 123 4567',
    locale: 'ar',
  });
  await put('contacts', 'C-SEATTLE', {
    name: 'Jordan Lee',
    email: 'jordan.lee@example.com',
    mobilePhone: '+1 206 555 0142',
    locale: 'en',
  });
  await put('contacts', 'C-TOKYO', {
    name: '佐藤 花子',
    email: 'hanako.sato@example.com',
    locale: 'ja',
  });
  await put('contacts', 'C-BERLIN', {
    name: 'Jonas Weber',
    mobilePhone: '+49 30 901820',
    locale: 'de',
  });

  await put('service-accounts', 'A-PARIS', {
    name: 'Boulangerie des Écoles',
    address: '21 Rue des Écoles, 75005 Paris, France',
    latitude: 48.84913,
    longitude: 2.34422,
    timeZone: 'Europe/Paris',
    primaryContact: 'C-PARIS',
  });
  await put('service-accounts', 'A-DUBAI', {
    name: 'مقهى الخور',
    address: 'Al Seef Street, Al Hamriya, Dubai, United Arab Emirates',
    latitude: 25.2605,
    longitude: 55.3007,
    timeZone: 'Asia/Dubai',
    primaryContact: 'C-DUBAI',
  });
  await put('service-accounts', 'A-SEATTLE', {
    name: 'Pike Street Roasters',
    address: '1501 Pike Place, Seattle, WA 98101, USA',
    latitude: 47.6097,
    longitude: -122.3422,
    timeZone: 'America/Los_Angeles',
    primaryContact: 'C-SEATTLE',
  });
  await put('service-accounts', 'A-TOKYO', {
    name: '渋谷ベーカリー',
    address: '2-21-1 Shibuya, Shibuya City, Tokyo 150-0002, Japan',
    latitude: 35.6591,
    longitude: 139.7037,
    timeZone: 'Asia/Tokyo',
    primaryContact: 'C-TOKYO',
  });
  await put('service-accounts', 'A-BERLIN', {
    name: 'Kaffeehaus Mitte',
    address: 'Rosenthaler Str. 40, 10178 Berlin, Germany',
    latitude: 52.5263,
    longitude: 13.4022,
    timeZone: 'Europe/Berlin',
    primaryContact: 'C-BERLIN',
  });

  await put('service-types', 'ST-OVEN', { name: 'Oven repair' });
  await put('service-types', 'ST-ESPRESSO', { name: 'Espresso machine service' });

  await put('resources', 'R-MARCO', {
    name: 'Marco Rossi',
    phone: '+33 6 98 76 54 32',
    photoUrl: `${photoBaseUrl}/photos/marco.svg`,
  });
  await put('resources', 'R-AISHA', { name: 'Aisha Rahman', phone: '+971 55 765 4321' });
  await put('resources', 'R-SAM', { name: 'Sam Taylor' });

  const orders: [id: string, account: string, type: string, contact: string][] = [
    ['WO-1001', 'A-PARIS', 'ST-OVEN', 'C-PARIS'],
    ['WO-1002', 'A-DUBAI', 'ST-ESPRESSO', 'C-DUBAI'],
    ['WO-1003', 'A-SEATTLE', 'ST-ESPRESSO', 'C-SEATTLE'],
    ['WO-1004', 'A-TOKYO', 'ST-OVEN', 'C-TOKYO'],
    ['WO-1005', 'A-BERLIN', 'ST-ESPRESSO', 'C-BERLIN'],
    ['WO-1006', 'A-PARIS', 'ST-ESPRESSO', 'C-PARIS'],
  ];
  for (const [id, serviceAccount, serviceType, reportedBy] of orders) {
    await put('work-orders', id, { number: id, serviceAccount, serviceType, reportedBy });
  }

  const bookings: [label: string, id: string, body: Record<string, unknown>][] = [
    [
      'Paris, technician on the way (moves on the map)',
      'B-1001',
      {
        workOrder: 'WO-1001',
        resource: 'R-MARCO',
        start: at(-0.25 * HOUR),
        end: at(1.75 * HOUR),
        status: 'traveling',
      },
    ],
    [
      'Dubai, scheduled tomorrow (Arabic, right to left)',
      'B-1002',
      {
        workOrder: 'WO-1002',
        resource: 'R-AISHA',
        start: at(DAY),
        end: at(DAY + 2 * HOUR),
        status: 'scheduled',
      },
    ],
    [
      'Seattle, in progress',
      'B-1003',
      {
        workOrder: 'WO-1003',
        resource: 'R-SAM',
        start: at(-HOUR),
        end: at(HOUR),
        status: 'in-progress',
      },
    ],
    [
      'Tokyo, completed (survey)',
      'B-1004',
      {
        workOrder: 'WO-1004',
        resource: 'R-MARCO',
        start: at(-5 * HOUR),
        end: at(-3 * HOUR),
        status: 'completed',
      },
    ],
    [
      'Berlin, canceled',
      'B-1005',
      {
        workOrder: 'WO-1005',
        resource: 'R-SAM',
        start: at(2 * DAY),
        end: at(2 * DAY + HOUR),
        status: 'canceled',
      },
    ],
    [
      'Paris, scheduled in three days',
      'B-1006',
      {
        workOrder: 'WO-1006',
        resource: null,
        start: at(3 * DAY),
        end: at(3 * DAY + 2 * HOUR),
        status: 'scheduled',
      },
    ],
  ];
  const samples: State['samples'] = [];
  for (const [label, id, body] of bookings) {
    samples.push({ label, documentId: await put('bookings', id, body) });
  }
  return samples;
}

/** A fresh portal link for a booking (the plugin shows each access code's token once). */
export async function portalLink(
  strapiUrl: string,
  token: string,
  documentId: string,
): Promise<string> {
  const answer = await expectOk(
    'issuing an access code',
    request('POST', `${strapiUrl}/api/enroute/messaging/bookings/${documentId}/access-codes`, {
      token,
      body: {},
    }),
  );
  return IssuedAccessCode.parse(answer).url;
}

/** A token for the traveling technician's "app": the simulator posts positions with it. */
export async function technicianToken(
  strapiUrl: string,
  token: string,
  resource: string,
): Promise<string> {
  const answer = await expectOk(
    'issuing a technician token',
    request('POST', `${strapiUrl}/api/enroute/technician-tokens`, {
      token,
      body: { resource, label: 'Demo simulator' },
    }),
  );
  return z.object({ data: IssuedTechnicianToken }).parse(answer).data.token;
}

/**
 * A sign-in link for a technician's phone (the technician app on the portal), made as an admin
 * makes it on the Positions page.
 */
export async function technicianSignInLink(
  strapiUrl: string,
  adminJwt: string,
  name: string,
): Promise<string> {
  const found = z
    .object({ data: z.array(z.object({ documentId: z.string(), name: z.string() })) })
    .parse(
      await expectOk(
        'finding the technician',
        request(
          'GET',
          `${strapiUrl}/enroute/lookups/resources?search=${encodeURIComponent(name)}`,
          {
            token: adminJwt,
          },
        ),
      ),
    )
    .data.find((resource) => resource.name === name);
  if (!found) throw new Error(`no technician named ${name}`);
  const answer = await expectOk(
    'making a sign-in link',
    request('POST', `${strapiUrl}/enroute/resources/${found.documentId}/sign-in-links`, {
      token: adminJwt,
      body: {},
    }),
  );
  return z.object({ data: z.object({ url: z.string() }) }).parse(answer).data.url;
}

/** The demo company's name and contact details, in every locale's snippets (Content Manager API). */
export const COMPANY = {
  'company.name': 'Northwind Field Service',
  'company.email': 'service@northwind.example',
  'company.phone': '+1 555 0142',
};

export async function brandCompany(strapiUrl: string, adminJwt: string): Promise<void> {
  const base = `${strapiUrl}/content-manager/collection-types/plugin::enroute.snippet`;
  const locales = (await expectOk(
    'listing the locales',
    request('GET', `${strapiUrl}/i18n/locales`, { token: adminJwt }),
  )) as { code: string }[];
  for (const { code } of locales) {
    for (const [key, value] of Object.entries(COMPANY)) {
      const query = new URLSearchParams({ locale: code, 'filters[key][$eq]': key, pageSize: '1' });
      const found = (await expectOk(
        `finding the snippet ${key} (${code})`,
        request('GET', `${base}?${query}`, { token: adminJwt }),
      )) as { results: { documentId: string }[] };
      const documentId = found.results[0]?.documentId;
      if (!documentId) continue;
      await expectOk(
        `changing the snippet ${key} (${code})`,
        request('PUT', `${base}/${documentId}?locale=${code}`, {
          token: adminJwt,
          body: { value },
        }),
      );
    }
  }
}
