import { FetchingAdapter } from 'csops/ldsClient';

/** The query text; the org parses it, so the tag only joins the template. */
export function gql(strings, ...values) {
  return strings.reduce((text, part, i) => text + part + (i < values.length ? values[i] : ''), '');
}

/** lightning/graphql's wire: { data, errors, refresh }, waiting while its variables are unset. */
export class graphql extends FetchingAdapter {
  request({ query, variables, operationName }) {
    if (!query || variables === undefined) return undefined;
    return { method: 'POST', path: '/graphql', body: { query, variables, operationName } };
  }
  answer(result) {
    return {
      data: result.data,
      errors: result.errors && result.errors.length ? result.errors : undefined,
      refresh: () => this.provision(),
    };
  }
  failure(error) {
    const body = error.body;
    const errors = Array.isArray(body)
      ? body
      : [{ message: (body && body.message) || error.message }];
    return { data: undefined, errors, refresh: () => this.provision() };
  }
}
