// An admin's form for a warehouse's calendar: IANA time zone, daily cut-off and holiday region.
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { errorText } from '../ui/errors';
import { Field, FormMessage } from '../ui/Field';
import { saveWarehouseCalendar, type WarehouseCalendar } from './warehouses-api';

const calendarForm = z.object({
  timeZone: z.string().trim().min(1).max(64),
  cutoffTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  holidayRegion: z.string(),
});
type CalendarForm = z.infer<typeof calendarForm>;

export function WarehouseCalendarForm({ calendar }: { calendar: WarehouseCalendar }) {
  const { t } = useTranslation('warehouses');
  const queryClient = useQueryClient();
  const { register, handleSubmit, formState } = useForm<CalendarForm>({
    resolver: zodResolver(calendarForm),
    defaultValues: {
      timeZone: calendar.timeZone,
      cutoffTime: calendar.cutoffTime,
      holidayRegion: calendar.holidayRegion ?? '',
    },
  });
  const save = useMutation({
    mutationFn: (values: CalendarForm) =>
      saveWarehouseCalendar(calendar.code, {
        timeZone: values.timeZone,
        cutoffTime: values.cutoffTime,
        holidayRegion: values.holidayRegion || null,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['warehouse-calendar', calendar.code] });
    },
  });
  const regions = Object.entries(calendar.holidayRegions);
  return (
    <form
      noValidate
      aria-label={t('formTitle', { warehouse: calendar.code })}
      onSubmit={handleSubmit((values) => save.mutate(values))}
    >
      <FormMessage kind="error" text={save.error ? errorText(t, save.error) : null} />
      <FormMessage kind="success" text={save.isSuccess ? t('saved') : null} />
      <Field
        label={t('timeZone')}
        hint={t('timeZoneHint')}
        error={formState.errors.timeZone ? t('timeZoneNeeded') : undefined}
      >
        <input type="text" autoComplete="off" spellCheck={false} {...register('timeZone')} />
      </Field>
      <Field
        label={t('cutoffTime')}
        hint={t('cutoffHint')}
        error={formState.errors.cutoffTime ? t('cutoffNeeded') : undefined}
      >
        <input type="time" step={60} {...register('cutoffTime')} />
      </Field>
      {regions.length > 0 ? (
        <Field label={t('holidayRegion')} hint={t('holidayRegionHint')}>
          <select {...register('holidayRegion')}>
            <option value="">{t('wholeCountry')}</option>
            {regions.map(([code, name]) => (
              <option key={code} value={code}>{`${code} · ${name}`}</option>
            ))}
          </select>
        </Field>
      ) : null}
      <button type="submit" disabled={save.isPending}>
        {t('save')}
      </button>
    </form>
  );
}
