import { graphql } from '../../../gql';

graphql(`
  fragment EpisodeDetail on Referral {
    id
    version
    status
    availableEpisodeActions
    recommendedVisits
    assessment {
      rangeOfMotion {
        ...RangeOfMotion
      }
    }
    treatmentPlan {
      version
      longTermGoal
      plannedVisits
      visitsPerWeek
      techniques
      setAt
      setBy {
        id
        displayName
      }
      shortTermGoals {
        description
        measure
        targetVisit
      }
    }
    treatmentPlanHistory {
      version
      plannedVisits
      visitsPerWeek
      longTermGoal
      setAt
      setBy {
        id
        displayName
      }
    }
    visits {
      id
      number
      at
      attended
      painScore
      notes
      overBudget
      shortTermGoalsMet
      techniquesUsed
      rangeOfMotion {
        ...RangeOfMotion
      }
    }
    progress {
      attendedVisits
      missedVisits
      plannedVisits
      firstPainScore
      latestPainScore
      goals {
        position
        description
        targetVisit
        met
        metAtVisit
      }
      measures {
        joint
        movement
        side
        firstDegrees
        latestDegrees
        expectedDegrees
        changeDegrees
        towardExpected
      }
    }
    reports {
      id
      number
      writtenAt
      trigger
      comments
      writtenBy {
        id
        displayName
      }
    }
  }
`);

export const EPISODE = graphql(`
  query Episode($id: ID!) {
    referral(id: $id) {
      ...EpisodeDetail
    }
  }
`);

export const SET_TREATMENT_PLAN = graphql(`
  mutation SetTreatmentPlan($input: SetTreatmentPlanInput!) {
    setTreatmentPlan(input: $input) {
      version
    }
  }
`);

export const RECORD_VISIT = graphql(`
  mutation RecordVisit($input: RecordVisitInput!) {
    recordVisit(input: $input) {
      id
      number
    }
  }
`);

export const SEND_PROGRESS_REPORT = graphql(`
  mutation SendProgressReport($input: SendProgressReportInput!) {
    sendProgressReport(input: $input) {
      id
      number
    }
  }
`);

export const REFER_ONWARD = graphql(`
  mutation ReferOnward($input: ReferOnwardInput!) {
    referOnward(input: $input) {
      id
      reference
    }
  }
`);
