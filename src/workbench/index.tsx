/**
 * The workbench (`npm start`): the real task pane, in an iframe as in Office, beside the Excel test host
 * with a grid of its workbook. The pane finds `Office` and `Excel` on this page (see officeBoot.ts).
 */
import { createRoot } from 'react-dom/client';
import { Workbench } from './page/Workbench';

createRoot(document.getElementById('root')!).render(<Workbench />);
