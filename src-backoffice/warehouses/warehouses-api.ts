// The warehouse calendar API: time zone, cut-off and holiday region, with what they mean now.
import { api } from '../app/api';

export interface WarehouseCalendar {
  code: string;
  country: string;
  timeZone: string;
  cutoffTime: string;
  holidayRegion: string | null;
  holidayRegions: Record<string, string>;
  localNow: string;
  shipDateNow: string;
  upcomingHolidays: { date: string; name: string }[];
}

export type CalendarSetting = Pick<WarehouseCalendar, 'timeZone' | 'cutoffTime' | 'holidayRegion'>;

const path = (code: string) => `/v1/warehouses/${encodeURIComponent(code)}/calendar`;

export const fetchWarehouseCalendar = (code: string, language: string) =>
  api<WarehouseCalendar>('GET', `${path(code)}?language=${encodeURIComponent(language)}`);

export const saveWarehouseCalendar = (code: string, setting: CalendarSetting) =>
  api<WarehouseCalendar>('PUT', path(code), setting);
