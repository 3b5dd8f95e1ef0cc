import { graphql } from '../gql';

/**
 * What the app needs to know about whoever is signed in: the user and their clinic (its name and
 * time zone). Signing in and renewing the session answer with it, and the Viewer query asks for
 * the same, so a page load finds the viewer already in Apollo's cache instead of asking again.
 * `__typename` is spelled out because the session calls go around Apollo, which would add it.
 * Nothing imports this file: the code generator reads it and puts the fragment into every
 * document that spreads it.
 */
graphql(`
  fragment ViewerFields on User {
    __typename
    id
    displayName
    email
    role
    clinicId
    providerId
    clinic {
      __typename
      id
      name
      timeZone
      location {
        __typename
        latitude
        longitude
      }
    }
  }
`);
