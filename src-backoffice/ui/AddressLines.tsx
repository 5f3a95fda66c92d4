import { useTranslation } from 'react-i18next';
import { formatPostalAddress } from '../../shared/addresses/format-address';
import type { PostalAddressLike } from '../../shared/addresses/format-address';

/** An address in its country's own layout (shared/addresses), the country named in the UI language. */
export function AddressLines({ address }: { address: PostalAddressLike }) {
  const { i18n } = useTranslation();
  const lines = formatPostalAddress(address, { showCountry: true, countryLocale: i18n.language });
  return (
    <address className="address-lines">
      {lines.map((line, i) => (
        <div key={i}>{line}</div>
      ))}
    </address>
  );
}
