import { RelevanceModel } from '../../src/feeds/relevance';
import { loadKnowledgeBase } from '../../src/kb/load';
import { loadRelevanceSet } from '../eval/relevance.eval';

const model = RelevanceModel.fromKnowledgeBase(loadKnowledgeBase());

describe('relevance model', () => {
  it('keeps a cyber operation and the diplomatic answer to it, in either language', () => {
    const en = model.classify({
      title: 'Council sanctions two officers over the hack of a ministry',
      text: 'The EU froze the assets of two intelligence officers it holds responsible for the intrusion.',
    });
    const fr = model.classify({
      title: 'Le Conseil sanctionne deux officiers après le piratage d’un ministère',
      text: 'L’UE gèle les avoirs de deux officiers du renseignement tenus pour responsables de l’intrusion.',
    });
    expect(en).toMatchObject({ relevant: true });
    expect(fr).toMatchObject({ relevant: true });
    expect(en.features.operation).toBeGreaterThan(0);
    expect(en.features.response).toBeGreaterThan(0);
    expect(fr.matched).toEqual(expect.arrayContaining(['piratage', 'sanctionne']));
  });

  it('drops product news, recipes and diplomacy with no cyber angle', () => {
    expect(
      model.classify({
        title: 'Phone maker launches a cheaper model',
        text: 'The handset goes on sale next week at a lower price; our review follows.',
      }).relevant,
    ).toBe(false);
    expect(
      model.classify({
        title: 'Recette de la tarte aux pommes',
        text: 'Étalez la pâte, disposez les pommes et enfournez.',
      }).relevant,
    ).toBe(false);
    const expulsion = model.classify({
      title: 'Two diplomats expelled in row over fishing rights',
      text: 'The envoys were ordered to leave after trawlers were detained.',
    });
    expect(expulsion.relevant).toBe(false);
    expect(expulsion.features.response).toBeGreaterThan(0);
  });

  it('lets another topic outweigh a passing cyber word', () => {
    const deals = model.classify({
      title: 'Cyber Monday deals on headphones',
      text: 'Discounts on TVs and speakers before the offers end.',
    });
    expect(deals.relevant).toBe(false);
    expect(deals.features.offTopic).toBeGreaterThan(0);
  });

  it('knows incident and group names from the knowledge base, all-capital aliases only as written', () => {
    const bare = new RelevanceModel();
    const item = { title: 'WannaCry, five years on', text: 'A look back at the outbreak that crippled hospitals.' };
    expect(bare.classify(item).features.known).toBe(0);
    expect(model.classify(item).features.known).toBeGreaterThan(0);
    expect(
      model.classify({ title: 'Thallium found in water samples', text: 'Chemists traced the thallium to an old mine.' })
        .features.known,
    ).toBe(0);
    expect(
      model.classify({ title: 'Microsoft says THALLIUM targeted researchers', text: '' }).features.known,
    ).toBeGreaterThan(0);
  });

  it('fetches generously: only items with no cyber signal that read as something else are skipped', () => {
    expect(model.worthFetching({ title: 'Ambassador summoned', text: '' })).toBe(true);
    expect(model.worthFetching({ title: 'Short title', text: '' })).toBe(true);
    expect(
      model.worthFetching({
        title: 'Best laptop deals this week',
        text: 'Prices are down on gaming laptops and headphones.',
      }),
    ).toBe(false);
    expect(
      model.worthFetching({
        title: 'Rail budget',
        text: 'A long summary about trains, timetables and stations that says nothing about security at all, for more than a hundred and twenty characters.',
      }),
    ).toBe(false);
  });

  it('holds its measured quality on the labelled set (a floor, so a regression fails)', () => {
    const set = loadRelevanceSet();
    expect(set.length).toBeGreaterThanOrEqual(60);
    expect(new Set(set.map((s) => s.lang))).toEqual(new Set(['en', 'fr']));
    expect(set.filter((s) => !s.relevant).length * 2).toBe(set.length);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const s of set) {
      const v = model.classify(s).relevant;
      if (v && s.relevant) tp += 1;
      else if (v) fp += 1;
      else if (s.relevant) fn += 1;
    }
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.9);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.85);
  });
});
