/**
 * Belgium: approximate centre of each area by the first two digits of the 4-digit postcode,
 * as [lat, lon], placed on the area's main town. Good to a few tens of km.
 */
export const BE_POSTAL2_CENTROIDS: Readonly<Record<string, readonly [number, number]>> = {
  '10': [50.85, 4.35], // Brussels
  '11': [50.83, 4.4], // Brussels (Etterbeek, Ixelles)
  '12': [50.84, 4.43], // Woluwe
  '13': [50.72, 4.61], // Wavre
  '14': [50.6, 4.33], // Nivelles
  '15': [50.73, 4.24], // Halle
  '16': [50.78, 4.25], // Sint-Pieters-Leeuw
  '17': [50.88, 4.2], // Dilbeek, Asse
  '18': [50.93, 4.43], // Vilvoorde
  '19': [50.85, 4.5], // Zaventem, Overijse
  '20': [51.22, 4.4], // Antwerpen
  '21': [51.22, 4.46], // Deurne
  '22': [51.18, 4.83], // Herentals
  '23': [51.32, 4.94], // Turnhout
  '24': [51.19, 5.12], // Mol
  '25': [51.13, 4.57], // Lier
  '26': [51.18, 4.43], // Berchem, Mortsel
  '27': [51.1, 4.35], // between Antwerpen and Boom
  '28': [51.03, 4.48], // Mechelen
  '29': [51.29, 4.5], // Schoten, Brasschaat
  '30': [50.88, 4.7], // Leuven
  '31': [50.98, 4.6], // Haacht, Keerbergen
  '32': [50.98, 4.84], // Aarschot
  '33': [50.81, 4.94], // Tienen
  '34': [50.75, 5.08], // Landen
  '35': [50.93, 5.34], // Hasselt
  '36': [50.97, 5.5], // Genk
  '37': [50.78, 5.46], // Tongeren
  '38': [50.82, 5.19], // Sint-Truiden
  '39': [51.2, 5.35], // Lommel, Pelt
  '40': [50.63, 5.57], // Liège
  '41': [50.59, 5.5], // Seraing
  '42': [50.67, 5.08], // Hannut
  '43': [50.7, 5.25], // Waremme
  '44': [50.62, 5.45], // Flémalle, Awans
  '45': [50.52, 5.24], // Huy
  '46': [50.73, 5.69], // Visé
  '47': [50.63, 6.03], // Eupen
  '48': [50.59, 5.86], // Verviers
  '49': [50.49, 5.87], // Spa
  '50': [50.47, 4.87], // Namur
  '51': [50.45, 4.88], // Jambes
  '52': [50.48, 4.7], // Jemeppe-sur-Sambre
  '53': [50.49, 5.1], // Andenne
  '54': [50.3, 5.0], // Condroz
  '55': [50.26, 4.91], // Dinant
  '56': [50.2, 4.54], // Philippeville
  '57': [50.35, 4.7], // Entre-Sambre-et-Meuse
  '58': [50.4, 4.6], // Sambreville
  '59': [50.25, 4.7], // Florennes
  '60': [50.41, 4.44], // Charleroi
  '61': [50.4, 4.4], // Montignies-le-Tilleul
  '62': [50.43, 4.52], // Fleurus, Châtelet
  '63': [50.38, 4.4], // Ham-sur-Heure
  '64': [50.06, 4.32], // Chimay
  '65': [50.29, 4.29], // Thuin, Beaumont
  '66': [50.0, 5.72], // Bastogne
  '67': [49.68, 5.82], // Arlon
  '68': [49.92, 5.38], // Libramont
  '69': [50.23, 5.34], // Marche-en-Famenne
  '70': [50.45, 3.95], // Mons
  '71': [50.48, 4.19], // La Louvière
  '72': [50.42, 3.8], // Quiévrain, Boussu
  '73': [50.45, 3.82], // Saint-Ghislain
  '74': [50.55, 3.8], // Jurbise
  '75': [50.61, 3.39], // Tournai
  '76': [50.51, 3.59], // Péruwelz
  '77': [50.74, 3.21], // Mouscron
  '78': [50.63, 3.78], // Ath
  '79': [50.6, 3.62], // Leuze-en-Hainaut
  '80': [51.21, 3.22], // Brugge
  '81': [51.2, 3.25], // Brugge (Sint-Kruis)
  '82': [51.19, 3.17], // Sint-Andries
  '83': [51.34, 3.29], // Knokke-Heist
  '84': [51.23, 2.92], // Oostende
  '85': [50.83, 3.26], // Kortrijk
  '86': [51.03, 2.86], // Diksmuide, Veurne
  '87': [51.0, 3.33], // Tielt
  '88': [50.95, 3.12], // Roeselare
  '89': [50.85, 2.89], // Ieper
  '90': [51.05, 3.72], // Gent
  '91': [51.16, 4.14], // Sint-Niklaas
  '92': [51.03, 4.1], // Dendermonde
  '93': [50.94, 4.04], // Aalst
  '94': [50.83, 4.02], // Ninove
  '95': [50.77, 3.88], // Geraardsbergen
  '96': [50.75, 3.6], // Ronse
  '97': [50.85, 3.61], // Oudenaarde
  '98': [50.98, 3.53], // Deinze
  '99': [51.19, 3.56], // Eeklo
};
