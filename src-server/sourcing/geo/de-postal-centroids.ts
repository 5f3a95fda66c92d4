/**
 * Germany: approximate centre of each Leitregion (first two digits of the 5-digit PLZ), as
 * [lat, lon], placed on the region's main city. 05, 11, 43 and 62 are not in use, so they are
 * absent and fall back to the country centroid.
 */
export const DE_LEITREGION_CENTROIDS: Readonly<Record<string, readonly [number, number]>> = {
  '01': [51.05, 13.74], // Dresden
  '02': [51.18, 14.43], // Bautzen, Görlitz
  '03': [51.76, 14.33], // Cottbus
  '04': [51.34, 12.37], // Leipzig
  '06': [51.48, 11.97], // Halle (Saale)
  '07': [50.88, 12.08], // Gera, Jena
  '08': [50.72, 12.49], // Zwickau, Plauen
  '09': [50.83, 12.92], // Chemnitz
  '10': [52.52, 13.4], // Berlin
  '12': [52.45, 13.5], // Berlin south-east
  '13': [52.57, 13.35], // Berlin north
  '14': [52.4, 13.06], // Potsdam
  '15': [52.34, 14.55], // Frankfurt (Oder)
  '16': [52.83, 13.82], // Eberswalde, Oranienburg
  '17': [53.56, 13.26], // Neubrandenburg
  '18': [54.09, 12.1], // Rostock
  '19': [53.63, 11.41], // Schwerin
  '20': [53.55, 10.0], // Hamburg
  '21': [53.35, 10.2], // Hamburg south, Lüneburg
  '22': [53.62, 10.05], // Hamburg north
  '23': [53.87, 10.69], // Lübeck
  '24': [54.32, 10.13], // Kiel
  '25': [54.05, 9.3], // Itzehoe, Husum
  '26': [53.14, 8.21], // Oldenburg
  '27': [53.3, 8.9], // Bremerhaven, Verden
  '28': [53.08, 8.8], // Bremen
  '29': [52.62, 10.08], // Celle
  '30': [52.37, 9.74], // Hannover
  '31': [52.15, 9.95], // Hildesheim
  '32': [52.12, 8.67], // Herford, Minden
  '33': [52.02, 8.53], // Bielefeld
  '34': [51.31, 9.48], // Kassel
  '35': [50.58, 8.68], // Gießen, Marburg
  '36': [50.55, 9.68], // Fulda
  '37': [51.54, 9.93], // Göttingen
  '38': [52.27, 10.52], // Braunschweig
  '39': [52.13, 11.63], // Magdeburg
  '40': [51.23, 6.78], // Düsseldorf
  '41': [51.19, 6.44], // Mönchengladbach, Neuss
  '42': [51.26, 7.15], // Wuppertal
  '44': [51.51, 7.47], // Dortmund
  '45': [51.46, 7.01], // Essen
  '46': [51.55, 6.75], // Oberhausen, Wesel
  '47': [51.4, 6.65], // Duisburg, Krefeld
  '48': [51.96, 7.63], // Münster
  '49': [52.28, 8.05], // Osnabrück
  '50': [50.9, 6.85], // Köln west, Brühl
  '51': [50.94, 7.0], // Köln, Leverkusen
  '52': [50.78, 6.08], // Aachen
  '53': [50.73, 7.1], // Bonn
  '54': [49.75, 6.64], // Trier
  '55': [50.0, 8.27], // Mainz
  '56': [50.36, 7.59], // Koblenz
  '57': [50.87, 8.02], // Siegen
  '58': [51.36, 7.47], // Hagen
  '59': [51.68, 7.82], // Hamm
  '60': [50.11, 8.68], // Frankfurt am Main
  '61': [50.25, 8.62], // Bad Homburg, Friedberg
  '63': [50.05, 9.0], // Offenbach, Hanau, Aschaffenburg
  '64': [49.87, 8.65], // Darmstadt
  '65': [50.08, 8.24], // Wiesbaden
  '66': [49.24, 6.99], // Saarbrücken
  '67': [49.45, 8.0], // Ludwigshafen, Kaiserslautern
  '68': [49.49, 8.47], // Mannheim
  '69': [49.4, 8.69], // Heidelberg
  '70': [48.78, 9.18], // Stuttgart
  '71': [48.8, 9.05], // Böblingen, Ludwigsburg
  '72': [48.49, 9.1], // Tübingen, Reutlingen
  '73': [48.72, 9.6], // Esslingen, Göppingen
  '74': [49.14, 9.22], // Heilbronn
  '75': [48.89, 8.7], // Pforzheim
  '76': [49.01, 8.4], // Karlsruhe
  '77': [48.47, 7.94], // Offenburg
  '78': [47.9, 8.7], // Villingen-Schwenningen, Konstanz
  '79': [47.99, 7.85], // Freiburg
  '80': [48.14, 11.58], // München
  '81': [48.12, 11.6], // München south and east
  '82': [47.85, 11.2], // Starnberg, Garmisch-Partenkirchen
  '83': [47.86, 12.12], // Rosenheim
  '84': [48.54, 12.15], // Landshut
  '85': [48.55, 11.6], // Ingolstadt, Freising
  '86': [48.37, 10.9], // Augsburg
  '87': [47.73, 10.31], // Kempten
  '88': [47.78, 9.61], // Ravensburg, Friedrichshafen
  '89': [48.4, 9.99], // Ulm
  '90': [49.45, 11.08], // Nürnberg
  '91': [49.45, 10.8], // Erlangen, Ansbach
  '92': [49.45, 12.0], // Amberg, Weiden
  '93': [49.01, 12.1], // Regensburg
  '94': [48.57, 13.43], // Passau
  '95': [50.0, 11.7], // Bayreuth, Hof
  '96': [49.95, 10.9], // Bamberg, Coburg
  '97': [49.79, 9.95], // Würzburg
  '98': [50.61, 10.69], // Suhl
  '99': [50.98, 11.03], // Erfurt
};
