import { callOrFail } from '../call-or-fail';
import { CliError, type Command } from '../cli-types';
import { countText } from '../../../shared/format/plural';

const EVENTS = { one: 'evento', other: 'eventi' };

export const logVerifyCommand: Command = {
  name: 'log verify',
  summary: 'ricalcola tutta la catena degli eventi e indica il primo evento alterato',
  usage: 'cst log verify',
  options: {},
  async run({ call, io, json }) {
    const result = await callOrFail(call, 'log.verify', {});
    if (!result.ok) throw new CliError(`Catena interrotta all'evento ${result.firstBroken}: ${result.reason}. Eventi integri prima di esso: ${result.events}.`);
    if (!json) io.out(`Catena integra: ${countText(result.events, EVENTS)}, ultima impronta ${result.lastHash}`);
    return result;
  },
};
