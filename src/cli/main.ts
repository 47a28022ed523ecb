/** The `tjansteplan` command (Node only): finance's batch work and automation. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { Language } from '../domain/findings';
import { UnreadableWorkbook } from '../workbook/file/unreadable';
// Commands load on use: exceljs alone takes ~0.4 s to load, which `--help` should not pay.
import { printable } from './printable';
import { TOKEN_HELP } from './token';
import { UsageError } from './usage';

// Everything printed passes through printable(): cell text must never reach the terminal as control sequences.
const out = (s: string) => process.stdout.write(printable(s) + '\n');
const err = (s: string) => process.stderr.write(printable(s) + '\n');

function lang(): Option {
  return new Option('--lang <språk>', 'meddelandenas språk / language of messages').choices(['sv', 'en']).default('sv');
}

function packageVersion(): string {
  // Three folders up is the package root, where package.json is (it is not compiled into dist): from
  // dist/src/cli (tsc) and from dist/bundle/cli (the command's bundle, webpack.cli.js) alike.
  return (JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}

export function program(setExit: (code: number) => void): Command {
  const p = new Command('tjansteplan')
    .description('Tjänsteplan: kontrollera, sammanställ och publicera tjänsteplaner (Excel)')
    .version(packageVersion())
    .showHelpAfterError()
    .exitOverride();

  p.command('template')
    .description('skapa en tom tjänsteplan med alla tabeller / write an empty plan with all tables')
    .requiredOption('--area <tjänsteområde>', 'tjänsteområdet, t.ex. Ekonomi')
    .requiredOption('--period <planperiod>', 'planperioden, t.ex. 2022–2024')
    .option('--frame <fil>', 'ekonomis budgetram (.xlsx) att fylla tabellen Ram från')
    .option('--owner <namn>', 'dokumentansvarig')
    .option('--force', 'ersätt en befintlig fil')
    .argument('<ut.xlsx>', 'filen att skapa')
    .action(async (file: string, o) => setExit(await (await import('./template')).templateCommand(file, o, err)));

  p.command('rollforward')
    .description('nästa periods plan från en fastställd version / next period\'s plan from an approved version')
    .requiredOption('--to <planperiod>', 'den nya planperioden, t.ex. 2023–2025')
    .option('--date <åååå-mm-dd>', 'datum för historikens första rad (standard: i dag)')
    .argument('<plan.xlsx>', 'planen med den fastställda versionen')
    .argument('<ny.xlsx>', 'den nya planen; en befintlig fil skrivs aldrig över')
    .action(async (file: string, target: string, o) => setExit(await (await import('./rollforward')).rollForwardCommand(file, target, o, out, err)));

  p.command('validate')
    .description('kontrollera tjänsteplaner / validate plans (exit 0 utan fel, 1 med fel, 2 oläslig fil)')
    .option('--frame <fil>', 'ekonomis budgetram (.xlsx) att pröva planerna mot')
    .option('--json', 'skriv resultatet som JSON')
    .addOption(lang())
    .argument('<fil...>', 'tjänsteplaner (.xlsx)')
    .action(async (files: string[], o) =>
      setExit(await (await import('./validate')).validateCommand(files, { ...o, lang: o.lang as Language }, out, err)),
    );

  p.command('consolidate')
    .summary('ekonomisk sammanställning mot ramen, ur filer eller biblioteket / consolidate all areas against the frame')
    .description(
      'ekonomisk sammanställning mot ramen, från filer eller från biblioteket (varje områdes senaste fastställda version) / ' +
        'consolidate all areas against the frame (exit 0 utan fel, 1 med fel, 2 oläslig fil, ram eller bibliotek som inte svarar). ' +
        'Ur biblioteket: en listfråga för perioden och ⌈områden/20⌉ JSON-batchar, aldrig en begäran per område.',
    )
    .requiredOption('--frame <fil>', 'ekonomis budgetram (.xlsx)')
    .option('--json', 'skriv resultatet som JSON')
    .option('--out <fil.xlsx>', 'skriv sammanställningen som arbetsbok')
    .option('--library <url>', 'läs planerna ur biblioteket i stället för filer: https://localhost:PORT/v1.0[/sites/S/drives/D/lists/L] eller en SharePoint-webbplats')
    .option('--period <planperiod>', 'med --library: planperioden, t.ex. 2022–2024 (standard: budgetramens första till sista år)')
    .option('--token <token>', `med --library: ${TOKEN_HELP}`)
    .option('--ca <fil>', 'med --library: CA-certifikat att lita på (standard: office-addin-dev-certs ca.crt)')
    .addOption(lang())
    .argument('[fil...]', 'tjänsteplaner (.xlsx), när --library inte anges')
    .action(async (files: string[], o) =>
      setExit(await (await import('./consolidate')).consolidateCommand(files, { ...o, lang: o.lang as Language }, out, err)),
    );

  p.command('prioritize')
    .summary('prioriteringsunderlag och förslag som håller stadens ram / the forum\'s prioritisation basis and a proposal within the frame')
    .description(
      'prioriteringsunderlag: alla initiativ med prioritet, staden mot ramen per år och ett förslag (skjut upp, minska, stryk) som håller ramen utan att röra Måste / ' +
        'prioritisation basis and proposal (exit 0 förslaget håller ramen, 1 ett år når inte ramen, 2 oläslig fil, ram eller bibliotek som inte svarar). ' +
        'Ur biblioteket: varje områdes senaste fastställda version med dess prioriteter. ' +
        'Med --library och --publish-decision: lägg forumets sparade Prioriteringsbeslut i biblioteket (exit 1 om ett annat beslut redan har namnet).',
    )
    .option('--frame <fil>', 'ekonomis budgetram (.xlsx); krävs utom med --publish-decision')
    .option('--json', 'skriv resultatet som JSON')
    .option('--out <fil.xlsx>', 'skriv underlaget, ramen och förslaget som arbetsbok (öppnas i Excel för fönstrets Prioritering)')
    .option('--library <url>', 'läs planerna ur biblioteket i stället för filer: https://localhost:PORT/v1.0[/sites/S/drives/D/lists/L] eller en SharePoint-webbplats')
    .option('--period <planperiod>', 'med --library: planperioden, t.ex. 2022–2024 (standard: budgetramens första till sista år)')
    .option('--token <token>', `med --library: ${TOKEN_HELP}`)
    .option('--ca <fil>', 'med --library: CA-certifikat att lita på (standard: office-addin-dev-certs ca.crt)')
    .option('--publish-decision <beslut.xlsx>', 'med --library: publicera forumets sparade Prioriteringsbeslut i biblioteket, <period>/Forum/Prioriteringsbeslut <forum> <datum>.xlsx')
    .addOption(lang())
    .argument('[fil...]', 'tjänsteplaner (.xlsx), när --library inte anges')
    .action(async (files: string[], o) =>
      setExit(await (await import('./prioritize')).prioritizeCommand(files, { ...o, lang: o.lang as Language }, out, err)),
    );

  p.command('pack')
    .summary("forumets granskningsunderlag ur biblioteket (.xlsx) / a forum's review pack")
    .description(
      'forumets granskningsunderlag ur biblioteket: Översikt och ett blad per tjänsteområde med den senaste fastställda versionen (oavsett forum), ' +
        'ändringarna sedan den version forumet självt senast fastställde (annars närmast föregående fastställda) och fynden / ' +
        "a forum's review pack (exit 0 skriven, 1 inga fastställda versioner för perioden eller ett annat underlag med samma namn i biblioteket, 2 bibliotek som inte svarar, en oläslig --frame, ett område som inte kunde läsas och lämnades utanför, eller ett underlag som inte kunde skrivas eller sparas)",
    )
    .requiredOption('--library <url>', 'biblioteket: https://localhost:PORT/v1.0[/sites/S/drives/D/lists/L] eller en SharePoint-webbplats')
    .requiredOption('--period <planperiod>', 'planperioden, t.ex. 2022–2024')
    .addOption(new Option('--forum <forum>', 'forumet: tjänsteforum, prioriteringsforum eller beslutsforum').choices(['TF', 'PF', 'BF']).makeOptionMandatory())
    .option('--out <fil.xlsx>', 'arbetsboken att skriva (krävs utan --publish)')
    .option('--publish', 'lägg också underlaget i biblioteket bredvid planerna: <period>/Forum/Granskningsunderlag <forum> <datum>.xlsx (skrivs aldrig över)')
    .option('--date <ÅÅÅÅ-MM-DD>', 'med --publish: mötets datum i namnet (standard: i dag)')
    .option('--frame <fil>', 'ekonomis budgetram (.xlsx): lägger till bladet Ram, staden och varje område mot ramen')
    .option('--token <token>', `bibliotekets ${TOKEN_HELP}`)
    .option('--ca <fil>', 'CA-certifikat att lita på (standard: office-addin-dev-certs ca.crt)')
    .action(async (o) => setExit(await (await import('./pack')).packCommand(o, out, err)));

  p.command('workbench')
    .description('starta arbetsbänken: aktivitetsfönstret bredvid en test-Excel och det lokala biblioteket (npm start)')
    .option('--port <n>', 'port på localhost', '3000')
    .option('--data <mapp>', 'det lokala bibliotekets datamapp', '.tjansteplan/library')
    .action(async (o) => {
      const { startWorkbench } = await import('../server/workbenchServer');
      const { startLibrary } = await import('../simulators/library');
      // The local library on origins of its own (Graph and file bytes), as in a tenant; fixed ports beside
      // the workbench's, so upload sessions resume after a restart and the pane's policy stays the same.
      const base = Number(o.port);
      const library = await startLibrary({ dataDir: o.data, port: base ? base + 1 : 0, filePort: base ? base + 2 : 0 });
      const server = await startWorkbench({
        port: base,
        libraryConfig: { url: library.url, fileOrigin: library.fileOrigin, ...library.ids, token: library.library.token },
      });
      out(`Arbetsbänken / workbench: ${server.url}workbench.html`);
      out(`Aktivitetsfönstret / task pane: ${server.url}taskpane.html`);
      out(`Granskningsvy / reviewers' view: ${new URL(library.url).origin}/`);
      out(`Lokalt bibliotek / local library: ${library.url} (data: ${library.library.dataDir})`);
      out(`Filvärd / file host: ${library.fileOrigin}/`);
      out(`Certifikatets CA / certificate CA: ${server.caPath}`);
      const { workbenchCommands } = await import('./workbenchCommands');
      for (const line of workbenchCommands({ url: library.url, token: library.library.token, caPath: server.caPath })) out(line);
      out('Avsluta med Ctrl+C.');
      await new Promise<void>((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
      await server.close();
      await library.close();
    });

  p.command('publish')
    .description('publicera planens senaste fastställda version / publish the newest approved version (exit 0 klar, 1 nekad, 2 oläslig fil eller bibliotek som inte svarar)')
    .requiredOption('--library <url>', 'biblioteket: https://localhost:PORT/v1.0 (lokalt) eller en SharePoint-webbplats')
    .option('--token <token>', `bibliotekets ${TOKEN_HELP}`)
    .option('--outbox <fil>', 'utkorgen som håller versionen tills den har kommit fram')
    .option('--ca <fil>', 'CA-certifikat att lita på (standard: office-addin-dev-certs ca.crt)')
    .addOption(lang())
    .argument('<fil>', 'tjänsteplanen (.xlsx)')
    .action(async (file: string, o) =>
      setExit(await (await import('./publish')).publishCommand(file, { ...o, lang: o.lang as Language }, out, err)),
    );

  p.command('provision')
    .description(
      'skapa dokumentbiblioteket Tjänsteplaner och dess kolumner på en SharePoint-webbplats genom Graph; en andra körning ändrar inget / ' +
        'set up the document library and its columns (exit 0 klart, 1 något måste rättas för hand, 2 Graph svarar inte eller nekar)',
    )
    .requiredOption('--site <webbplats>', 'webbplatsens id, eller adress: https://contoso.sharepoint.com/sites/x eller https://localhost:PORT/v1.0/sites/ID')
    .option('--library <url>', 'Graph när --site är ett id: https://graph.microsoft.com/v1.0 (standard) eller det lokala bibliotekets https://localhost:PORT/v1.0')
    .option('--token <token>', `${TOKEN_HELP.replace('bärartoken', 'bärartoken med Sites.Manage.All')}`)
    .option('--ca <fil>', 'CA-certifikat att lita på (standard: office-addin-dev-certs ca.crt)')
    .action(async (o) => setExit(await (await import('./provision')).provisionCommand(o, out, err)));

  p.command('library')
    .description('starta det lokala biblioteket (Graph v1.0-delmängd över HTTPS på loopback) / start the local library')
    .option('--port <n>', 'port på localhost; 0 väljer en ledig', '0')
    .option('--data <mapp>', 'datamappen (standard .tjansteplan/library)')
    .option('--file-port <n>', 'port för filvärden (nedladdnings- och uppladdningsadresser) på 127.0.0.1; 0 väljer en ledig', '0')
    .option('--token <token>', 'bärartoken som krävs (standard: utvecklingstoken); `--token -` läser den från standard input. Ett värde här syns för andra i processlistan (ps)')
    .option('--faults <spec>', 'fel att injicera, t.ex. 429:PUT:/content:2:retry-after=1')
    .option('--empty-site', 'en ny datamapp blir en webbplats utan dokumentbiblioteket, för provision att skapa')
    .option('--verbose', 'en rad per begäran till stderr')
    .action(async (o) => setExit(await (await import('./library')).libraryCommand(o, out, err)));

  p.command('demo')
    .description('kontrollera exempelplanerna 2022–2024 mot exempelramen (npm start)')
    .addOption(lang())
    .action(async (o) => setExit(await (await import('./demo')).demoCommand(o.lang as Language, out)));
  return p;
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  try {
    await program((c) => (code = c)).parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UnreadableWorkbook) {
      err(e.message);
      return 2;
    }
    if (e instanceof UsageError) {
      err(`tjansteplan: ${e.message}`);
      return 2;
    }
    err(`tjansteplan: oväntat fel: ${(e as Error).message}`);
    return 2;
  }
  return code;
}
