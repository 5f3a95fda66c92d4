// An area of the back office (orders, inventory, users, …): a folder of its own with its
// routes, screens and messages. It appears in the navigation only for people whose roles may
// call the API route it `requires` (the server's route rules decide, via GET /v1/people/me).
import type { AnyRoute } from '@tanstack/react-router';

export interface Area {
  /** Folder name, i18next namespace (its `nav` key labels the link) and first path segment. */
  id: string;
  /** The link's target. */
  path: string;
  /** "GET /v1/…" the area's main screen calls; null: every signed-in person. */
  requires: string | null;
  /** Shown in the main navigation (false: reached another way, e.g. my account). */
  inNavigation: boolean;
  /** The area's routes, children of the signed-in shell. */
  routes: (shell: AnyRoute) => AnyRoute[];
}
